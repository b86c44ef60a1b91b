// The status page: a client of the admin JSON API. The admin token stays in this tab's session
// storage and goes out only as "Authorization: Bearer" to this service.
"use strict";
const params = new URLSearchParams(location.search);
const focusProject = params.get("project");
const focusShotIds = (params.get("shots") || "").split(",").filter((x) => /^\d+$/.test(x));
let focusShots = [];                                   // their codes, asked once the token is known
const $ = (id) => document.getElementById(id);

function token() { return sessionStorage.getItem("srsyncToken"); }

async function api(path, method) {
  const answer = await fetch(path, { method: method || "GET", headers: { Authorization: "Bearer " + token() } });
  if (answer.status === 401) throw new Error("That token is not this service's ADMIN_TOKEN.");
  if (answer.status === 404 && path.startsWith("/admin")) throw new Error("The admin endpoints are off: set ADMIN_TOKEN on the service.");
  if (answer.status === 503 && path.startsWith("/admin")) throw new Error("This replica is a standby or cannot read ShotGrid or the console now; try again in a moment.");
  if (!answer.ok && answer.status !== 503) throw new Error(path + " answered " + answer.status);
  return answer.json();
}

function cell(row, text, cls) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : String(text);
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function table(headings) {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const h of headings) { const th = document.createElement("th"); th.textContent = h; head.appendChild(th); }
  t.appendChild(document.createElement("tbody"));
  return t;
}

function agentsText(agents) {
  return (agents || []).map((a) => (a.who ? a.who + " (" + a.role + ", " + a.permission + ")" : "agent " + a.id + " (" + a.role + ")")).join("; ");
}

async function showProject(p, runs) {
  const box = document.createElement("section");
  box.className = "project";
  box.dataset.project = p.id;
  const h = document.createElement("h2");
  h.textContent = p.tank_name + " (project " + p.id + ")";
  const sync = document.createElement("button");
  sync.type = "button";
  sync.textContent = "Sync this project now";
  sync.addEventListener("click", async () => { await api("/admin/sync?project=" + p.id, "POST"); say(""); sync.textContent = "Queued"; });
  h.appendChild(sync);
  if (p.guard && p.guard.blocked) { const g = document.createElement("span"); g.className = "pill standby"; g.textContent = "delete guard: blocked"; h.appendChild(g); }
  box.appendChild(h);
  if (p.left_alone) { const m = document.createElement("p"); m.textContent = "Left alone: " + p.left_alone; box.appendChild(m); }

  const jobs = await api("/admin/jobs?project=" + p.id).catch(() => []);
  const jt = table(["Job", "Shot", "Agents"]);
  for (const j of jobs) {
    const r = jt.tBodies[0].insertRow();
    r.dataset.search = (j.name + " " + agentsText(j.agents)).toLowerCase();
    if (focusShots.includes(j.shot)) r.classList.add("highlight");
    cell(r, j.name); cell(r, j.kind === "assets" ? "(assets)" : j.shot); cell(r, agentsText(j.agents));
  }
  box.appendChild(label("In the console now"));
  box.appendChild(jt);

  const pt = table(["Next reconcile", "Job", "Detail"]);
  for (const c of p.create || []) addChange(pt, "create", c.name, agentsText(c.agents));
  for (const u of p.update || []) addChange(pt, "update", u.name, "differs: " + (u.changes || []).join(", ") + " → " + agentsText(u.agents));
  for (const d of p.delete || []) addChange(pt, "delete", d.name, d.reason);
  box.appendChild(label("What the next reconcile would change"));
  box.appendChild(pt.tBodies[0].rows.length ? pt : note("Nothing: the console is in step."));

  const skipped = [...(p.skipped_artists || []).map((s) => [s.name, s.reason, "add them to artists.yaml, or match by login/email"]),
                   ...(p.skipped_shots || []).map((s) => [s.code, s.reason, "rename the shot or sequence in ShotGrid to a plain folder name"])];
  if (skipped.length) {
    const st = table(["Skipped", "Why", "What to do"]);
    for (const s of skipped) { const r = st.tBodies[0].insertRow(); r.dataset.search = s.join(" ").toLowerCase(); s.forEach((x) => cell(r, x)); }
    box.appendChild(label("Skipped"));
    box.appendChild(st);
  }
  const mine = runs.filter((r) => r.project === String(p.id)).slice(0, 5);
  if (mine.length) {
    const rt = table(["Reconcile ended", "Took", "Outcome", "Creates / updates / deletes", "Why it stopped"]);
    for (const r of mine) { const row = rt.tBodies[0].insertRow(); [r.endedAt, r.durationMs + " ms", r.outcome, r.creates + " / " + r.updates + " / " + r.deletes, r.error].forEach((x) => cell(row, x)); }
    box.appendChild(label("Last reconciles"));
    box.appendChild(rt);
  }
  return box;
}

function addChange(t, kind, name, detail) {
  const r = t.tBodies[0].insertRow();
  r.className = kind;
  r.dataset.search = (name + " " + detail).toLowerCase();
  cell(r, kind); cell(r, name); cell(r, detail);
}

function label(text) { const p = document.createElement("p"); p.className = "muted"; p.textContent = text; return p; }
function note(text) { return label(text); }
function say(text) { $("message").textContent = text; }

function applySearch() {
  const q = $("search").value.trim().toLowerCase();
  for (const r of document.querySelectorAll("tr[data-search]")) r.classList.toggle("hidden-by-search", q !== "" && !r.dataset.search.includes(q));
}

async function load() {
  say("");
  const main = $("projects");
  main.textContent = "Loading…";
  try {
    const leader = await fetch("/observe/leader", { headers: { Authorization: "Bearer " + token() } }).then((a) => a.json()).catch(() => null);
    if (leader) { $("leader").textContent = leader.leader ? "leader" + (leader.replica ? " (" + leader.replica + ")" : "") : "standby"; $("leader").className = "pill " + (leader.leader ? "leader" : "standby"); }
    const health = await api("/observe/health");
    const down = (health.checks || []).filter((c) => c.status !== "UP");
    $("health").textContent = down.length === 0 ? "Health: all checks up."
      : "Health: " + down.map((c) => c.name + (c.message ? " - " + c.message : "")).join("; ");
    $("health").className = down.length === 0 ? "muted" : "down";
    if (focusShotIds.length && !focusShots.length) focusShots = Object.values(await api("/admin/shots?ids=" + focusShotIds.join(",")));
    const plan = await api("/admin/plan" + (focusProject ? "?project=" + encodeURIComponent(focusProject) : ""));
    const runs = await api("/admin/runs");
    $("warnings").textContent = (plan.warnings || []).join(" ");
    $("warnings").hidden = !(plan.warnings || []).length;
    main.textContent = "";
    for (const p of plan.projects || []) main.appendChild(await showProject(p, runs));
    if (!(plan.projects || []).length) main.appendChild(note("No project has active shots or jobs of its own."));
    const letters = await api("/admin/dead-letters");
    $("dead").hidden = letters.length === 0;
    $("letters").textContent = "";
    for (const d of letters) { const li = document.createElement("li"); li.textContent = d.action + " " + d.jobName + " (project " + d.project + "): " + d.error + ", " + d.attempts + " time(s)"; $("letters").appendChild(li); }
    $("login").hidden = true;
    $("find").hidden = false;
    applySearch();
  } catch (e) {
    main.textContent = "";
    say(e.message);
    $("login").hidden = false;
  }
}

$("login").addEventListener("submit", (e) => { e.preventDefault(); sessionStorage.setItem("srsyncToken", $("token").value); load(); });
$("search").addEventListener("input", applySearch);
$("refresh").addEventListener("click", load);
$("replay").addEventListener("click", async () => { await api("/admin/dead-letters/replay", "POST"); say("Replay queued: the projects of the dead letters are being reconciled."); });
if (token()) load();
