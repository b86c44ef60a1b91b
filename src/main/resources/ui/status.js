// The status page: a client of the admin JSON API. The admin token stays in this tab's session
// storage and goes out only as "Authorization: Bearer" to this service. A load reads /admin/overview,
// which the service answers from memory: the page costs ShotGrid and the console nothing, however often
// it refreshes. Only a question about a shot the service does not know asks ShotGrid, once.
"use strict";
const params = new URLSearchParams(location.search);
const focusProject = params.get("project");
const focusShotIds = (params.get("shots") || "").split(",").filter((x) => /^\d+$/.test(x)).map(Number);
const REFRESH_MS = 30000;
const $ = (id) => document.getElementById(id);
let overview = null;
let lookedUp = {};                                     // shot lookups already answered, by id or code
let timer = null;

function token() { return sessionStorage.getItem("srsyncToken"); }

async function api(path, method) {
  const answer = await fetch(path, { method: method || "GET", headers: { Authorization: "Bearer " + token() } });
  if (answer.status === 401) throw new Error("That token is not this service's ADMIN_TOKEN.");
  if (answer.status === 404 && path.startsWith("/admin")) throw new Error("The admin pages are off: whoever runs the service must set ADMIN_TOKEN.");
  if (answer.status === 503 && path.startsWith("/admin")) throw new Error("This copy of the service is a standby (another one is in charge), or cannot reach ShotGrid or Resilio right now. Try again in a moment.");
  if (!answer.ok && answer.status !== 503) throw new Error("The service answered " + answer.status + " to " + path + ".");
  return answer.json();
}

// --- words and times -----------------------------------------------------------------------------

function rel(iso) {
  if (!iso) return "never";
  const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (s < 10) return "just now";
  if (s < 60) return s + " s ago";
  if (s < 3600) return Math.round(s / 60) + " min ago";
  if (s < 86400) return Math.round(s / 3600) + " h ago";
  return Math.round(s / 86400) + " days ago";
}

function ago(seconds) { return rel(new Date(Date.now() - seconds * 1000).toISOString()); }

function when(iso) {                                   // relative, with the absolute time on hover
  const t = document.createElement("time");
  t.textContent = rel(iso);
  if (iso) { t.dateTime = iso; t.title = new Date(iso).toLocaleString(); }
  return t;
}

function clock(iso) { return iso ? new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : ""; }

const STATE_WORDS = { ready: "has the file list", syncing: "is syncing", waiting: "is waiting to join", offline: "is offline",
  error: "has an error", unknown: "is in a state the service does not know" };
const OUTCOME_WORDS = { written: "made its changes", no_change: "found nothing to change", failed_writes: "could not make every change",
  blocked: "was held back by the delete guard (too many jobs would go)", dry_run: "planned only (dry run)",
  left_alone: "left the project alone", stopped: "stopped before changing anything", deferred: "was asked by Resilio to wait; it will try again",
  abandoned: "stopped: another copy of the service took over" };
const CHECK_WORDS = { shotgrid: "ShotGrid cannot be read", resilio: "the Resilio console cannot be reached or refuses",
  reconcile: "no check has succeeded for a long time", "reconcile-failures": "a project keeps failing", "artists-file": "the last artists.yaml edit was refused",
  "delivery-field": "the shots' delivery field is not written", "data-dir": "the data folder cannot be written",
  "route-files": "a route file edit was refused", eventlog: "ShotGrid's event log is not followed", "leader-label": "the leader's pod label is wrong",
  webhook: "ShotGrid's webhook may have stopped" };
const ACTION_WORDS = { create: "make the job", update: "change the job", delete: "remove the job" };

function machine(agent) { return agent.role === "primary_storage" ? "the studio storage" : (agent.artist || "agent " + agent.agent_id) + "'s machine"; }

function agentSentence(agent) {                         // what a hover or a tap on a chip says, with the console's own words
  let text = machine(agent) + " " + (STATE_WORDS[agent.state] || agent.state);
  if (agent.online === false && agent.last_seen) {
    text += (agent.state === "offline" ? "" : " and is offline") + " since " + clock(agent.last_seen) + " (" + rel(agent.last_seen) + ")";
  }
  if (agent.files_total != null) text += "; " + (agent.files_completed == null ? "?" : agent.files_completed) + " of " + agent.files_total + " files";
  const detail = agent.detail || "";
  const error = detail.indexOf("; error: ");
  if (error >= 0) text += " - " + detail.slice(error + 9);
  else if (detail && !["online", "file list complete"].includes(detail) && !detail.startsWith("offline since")) text += " - " + detail;
  if (PERMISSION_WORDS[agent.permission]) text += " (" + PERMISSION_WORDS[agent.permission] + ")";
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

const PERMISSION_WORDS = { ro: "read-only", sro: "read-only", rw: "read-write", srw: "read-write" };

// --- building blocks -----------------------------------------------------------------------------

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function table(headings) {
  const t = el("table");
  const head = t.createTHead().insertRow();
  for (const h of headings) head.appendChild(el("th", h));
  t.appendChild(el("tbody"));
  t.headings = headings;
  return t;
}

function row(t, cells, search) {
  const r = t.tBodies[0].insertRow();
  cells.forEach((c, i) => {
    const td = r.insertCell();
    td.dataset.label = t.headings[i];               // a phone shows the label beside each stacked cell
    if (c instanceof Node) td.appendChild(c); else td.textContent = c == null ? "" : String(c);
  });
  if (search) r.dataset.search = search.toLowerCase();
  return r;
}

function chip(agent) {
  const c = el("button", agent.role === "primary_storage" ? "Studio storage" : agent.artist || "agent " + agent.agent_id, "chip " + agent.state);
  c.type = "button";
  c.title = agentSentence(agent);
  c.setAttribute("aria-label", c.title);
  c.addEventListener("click", () => {                // a tap shows what a hover shows
    const box = c.parentElement.querySelector(".chip-detail") || c.parentElement.appendChild(el("div", "", "chip-detail muted"));
    box.textContent = box.textContent === c.title ? "" : c.title;
  });
  return c;
}

function chips(job) {
  const span = el("span", null, "chips");
  for (const a of (job ? job.agents : [])) span.appendChild(chip(a));
  return span;
}

function sentence(text) { return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : "."); }
function label(text) { return el("p", text, "muted"); }
function say(text) { $("message").textContent = text; }
function notice(text) { $("notice").textContent = text; }

// --- a project -----------------------------------------------------------------------------------

function showProject(p) {
  const box = el("section", null, "project");
  box.dataset.project = p.id;
  const h = el("h2", (p.tank_name || "(no tank name)") + " (project " + p.id + ")");
  const sync = el("button", "Sync this project now");
  sync.type = "button";
  sync.addEventListener("click", () => syncNow(p.id, sync));
  h.appendChild(sync);
  box.appendChild(h);
  const checked = label("Last checked ");
  checked.appendChild(when(p.reconciled_at));
  checked.append(" against ShotGrid and Resilio.");
  box.appendChild(checked);
  if (p.left_alone) box.appendChild(el("p", "Left alone: " + p.left_alone + ". Its jobs are not changed until this is fixed.", "warning"));
  if (p.failing) {
    const f = el("p", "Every check of this project has failed since ", "warning");
    f.appendChild(when(p.failing.since));
    f.append(": " + p.failing.why + ". The service tries again at least every minute; its jobs stay as they are meanwhile.");
    box.appendChild(f);
  }
  if (p.guard && p.guard.blocked) box.appendChild(el("p", "Held back: the last check would have removed " + p.guard.deletes + " of " + p.guard.managed + " jobs, more than the delete guard allows. Nothing was removed; check ShotGrid, then sync again.", "warning"));
  box.appendChild(shotsTable(p));
  lettersOf(p, box);
  skippedOf(p, box);
  runsOf(p, box);
  return box;
}

function shotsTable(p) {
  const byName = Object.fromEntries((p.jobs || []).map((j) => [j.name, j]));
  const t = table(["Shot", "Who has it", "State", "Why"]);
  for (const s of p.shots || []) {
    const job = s.job ? byName[s.job] : null;
    const refused = (p.dead_letters || []).find((d) => d.jobName === s.job);
    const why = job ? stateLine(job) : !s.job ? sentence("No job: " + s.why)
      : refused ? "Resilio refused to make its job (below); the service tries again at each check." : "Its job is being made.";
    const who = job ? chips(job) : el("span", (s.job ? s.artists : s.artists.concat(s.not_in_artists_yaml)).join(", ") || "no one");
    const r = row(t, [s.code, who, s.job ? (job ? stateCell(job) : refused ? "error" : "waiting") : "no job", why],
      [s.code, s.id, ...s.artists, ...s.not_in_artists_yaml].join(" "));
    r.dataset.shot = s.id;
    if (job) r.classList.add("state-" + job.state);
    if (focusShotIds.includes(s.id)) r.classList.add("highlight");
  }
  const assets = (p.jobs || []).find((j) => j.kind === "assets");
  if (assets) row(t, ["Assets (all of the project's artists)", chips(assets), stateCell(assets), stateLine(assets)], "assets " + assets.name);
  for (const a of p.assets || []) assetRow(t, p, a, byName);
  const wrap = el("div");
  wrap.appendChild(label("Active shots" + ((p.assets || []).length ? " and their assets" : "") + ", and what each artist's machine has of them"));
  wrap.appendChild((p.shots || []).length || assets || (p.assets || []).length ? t : label("No active shot."));
  const primary = (p.jobs || []).flatMap((j) => j.agents).find((a) => a.role === "primary_storage");
  if (primary) wrap.appendChild(el("p", agentSentence(primary), primary.state === "ready" ? "muted" : "warning"));
  const tech = (p.jobs || []).map((j) => j.name + " (id " + j.id + (j.run ? ", run " + j.run.id + " " + j.run.status : "") + ")").join("; ");
  if (tech) wrap.appendChild(el("p", "Details: " + tech + ". Artists' machines get the files on demand, read-write or read-only as each chip says.", "details"));
  return wrap;
}

function assetRow(t, p, a, byName) {                   // assets: per_asset - one row per asset the last check read
  const job = a.job ? byName[a.job] : null;
  const refused = (p.dead_letters || []).find((d) => d.jobName === a.job);
  const why = job ? stateLine(job) : !a.job ? sentence("No job: " + a.why)
    : refused ? "Resilio refused to make its job (below); the service tries again at each check." : "Its job is being made.";
  const who = job ? chips(job) : el("span", a.builders.join(", ") || "no one");
  const r = row(t, ["Asset " + a.code + " (" + (a.type || "no type") + ")", who, a.job ? (job ? stateCell(job) : refused ? "error" : "waiting") : "no job", why],
    ["asset", a.code, a.type, a.id, ...a.builders].join(" "));
  r.dataset.asset = a.id;
  if (job) r.classList.add("state-" + job.state);
}

const OLD_READ_S = 600;                                 // a state read longer ago than this says its age, not only on hover

function stateCell(job) {                                // the job's state, with when Resilio was last read for it
  const cell = el("span", job.state);
  cell.title = job.read_at ? "Read from Resilio " + rel(job.read_at) + " (" + new Date(job.read_at).toLocaleString() + ")"
    : "Not read from Resilio yet";
  if (job.read_at && (Date.now() - Date.parse(job.read_at)) / 1000 > OLD_READ_S) cell.appendChild(el("span", " (read " + rel(job.read_at) + ")", "age"));
  return cell;
}

function stateLine(job) {
  const notReady = job.agents.filter((a) => a.state !== "ready");
  if (!notReady.length) return "Every machine has the file list (files download when opened).";
  return notReady.map(agentSentence).join(" ");
}

function lettersOf(p, box) {
  if (!(p.dead_letters || []).length) return;
  const list = el("ul", null, "letters");
  for (const d of p.dead_letters) {
    const li = el("li", "Could not " + (ACTION_WORDS[d.action] || d.action) + " " + d.jobName + ": " + consoleWords(d.error)
      + ". Tried " + d.attempts + " time" + (d.attempts === 1 ? "" : "s") + ", first ");
    li.appendChild(when(d.firstFailedAt));
    li.append(", last ");
    li.appendChild(when(d.lastFailedAt));
    li.append(".");
    li.dataset.search = (d.jobName + " " + d.error).toLowerCase();
    list.appendChild(li);
  }
  box.appendChild(label("Changes that failed after every retry (the service tries them again at each check; Replay tries now)"));
  box.appendChild(list);
}

function consoleWords(error) {                         // the console's message, not its JSON
  if (!error) return "no reason given";
  const m = /"message"\s*:\s*"([^"]+)"/.exec(error);
  return m ? m[1] : error.replace(/^\{.*\}$/, "an error");
}

function skippedOf(p, box) {
  const rows = [...(p.skipped_artists || []).map((s) => [s.name, s.reason, "add them to artists.yaml, or match them by login or email"]),
                ...(p.skipped_shots || []).map((s) => [s.code, s.reason, "rename the shot or sequence in ShotGrid to a plain folder name"])];
  if (!rows.length) return;
  const t = table(["Left out", "Why", "What to do"]);
  for (const s of rows) row(t, s, s.join(" "));
  box.appendChild(label("Left out"));
  box.appendChild(t);
}

function runsOf(p, box) {
  if (!(p.runs || []).length) return;
  const t = table(["When", "What happened", "Took"]);
  for (const r of p.runs) {
    const done = [[r.creates, "made"], [r.updates, "changed"], [r.deletes, "removed"]].filter(([n]) => n > 0)
      .map(([n, verb]) => n + (n === 1 ? " job " : " jobs ") + verb);
    let what = "The check " + (OUTCOME_WORDS[r.outcome] || r.outcome);
    if (done.length && r.outcome !== "no_change") what += " (" + (r.outcome === "written" ? "" : "planned: ") + done.join(", ") + ")";
    if (r.failedWrites) what += "; " + r.failedWrites + " failed";
    if (r.error) what += ". Why: " + r.error;
    row(t, [when(r.endedAt), what + ".", (r.durationMs / 1000).toFixed(1) + " s"]);
  }
  box.appendChild(label("Last checks"));
  box.appendChild(t);
}

// --- the whole page ------------------------------------------------------------------------------

const TODO = {
  offline: "Offline: nothing new reaches the machine until it is back; ask its artist to start it and Resilio on it.",
  error: "Error: open the machine in the Resilio console (Agents); the message is the console's own, and the job goes on once it is fixed." };

function machineList(agents, more) {
  const p = el("p");
  agents.forEach((a, i) => { p.append((i ? ", " : "") + (a.artist || "agent " + a.agent_id)); more(p, a); });
  return p;
}

function showSummary(o) {
  const d = o.delivery || {};
  const off = d.offline || [];
  const errors = d.errors || [];
  const top = $("delivery");
  top.textContent = "";
  const todo = [];
  if (off.length) {
    const p = machineList(off, (line, a) => { line.append(" (since " + clock(a.last_seen) + ", "); line.appendChild(when(a.last_seen)); line.append(")"); });
    p.prepend(el("span", off.length + (off.length === 1 ? " machine offline: " : " machines offline: "), "what"));
    p.append(".");
    top.appendChild(p);
    todo.push(TODO.offline);
  }
  if (errors.length) {
    const p = machineList(errors, (line, a) => line.append(" - " + a.message + (a.online === false ? " (and offline)" : "")));
    p.prepend(el("span", errors.length + (errors.length === 1 ? " machine with an error: " : " machines with an error: "), "what"));
    p.append(".");
    top.appendChild(p);
    todo.push(TODO.error);
  }
  if (todo.length) top.appendChild(el("p", todo.join(" "), "todo"));
  top.className = off.length || errors.length ? "warning" : "muted";
  if (!off.length && !errors.length) top.appendChild(el("p", d.checked_at ? "Every machine the jobs hold is online, without an error." : "What each machine has is not read from Resilio yet."));
  const age = el("p", d.checked_at ? "Read from Resilio " : "", "todo");
  if (d.checked_at) { age.appendChild(when(d.checked_at)); age.append("."); }
  if (d.stale) age.append(" The last read failed (" + (d.error || "no reason") + "), so this may be out of date.");
  if (age.textContent) top.appendChild(age);
  const w = o.webhook || {};
  const hook = $("webhook");
  hook.textContent = (w.problems || []).length ? "ShotGrid's webhook: " + w.problems.join(" ") + "."
    : (w.seconds_since_last_delivery < 0 ? "No webhook delivery since this copy took charge" : "Last webhook delivery " + ago(w.seconds_since_last_delivery))
      + "; " + (w.failed_answers_last_day || 0) + " answers in the last 24 hours that ShotGrid counts as failed (it switches the webhook off at 100)"
      + (w.missed_events ? "; " + w.missed_events + " events came only through the event log" : "") + "." + (w.unknown ? " Its status on ShotGrid is not known: " + w.unknown + "." : "")
      + ((w.warnings || []).length ? " " + w.warnings.join(" ") + "." : "");
  hook.className = (w.problems || []).length ? "warning" : "muted";
  $("warnings").textContent = (o.warnings || []).join(" ");
  $("warnings").hidden = !(o.warnings || []).length;
  return (w.problems || []).length > 0;
}

async function load() {
  say("");
  try {
    const leader = await fetch("/observe/leader", { headers: { Authorization: "Bearer " + token() } }).then((a) => a.json()).catch(() => null);
    if (leader) $("leader").textContent = leader.leader ? "This copy of the service is in charge" + (leader.replica ? " (" + leader.replica + ")" : "") + "."
      : "This copy of the service is a standby: another copy is in charge.";
    const health = await api("/observe/health");
    const down = (health.checks || []).filter((c) => c.status !== "UP");
    $("health").textContent = down.length === 0 ? "Health: all checks up."
      : "Health: " + down.map((c) => (CHECK_WORDS[c.name] || c.name) + (c.message ? " (" + c.message + ")" : "")).join("; ") + ".";
    $("health").className = down.length === 0 ? "muted" : "down";
    overview = await api("/admin/overview" + (focusProject ? "?project=" + encodeURIComponent(focusProject) : ""));
    const hookWrong = showSummary(overview);
    const wrong = down.length > 0 || hookWrong || (leader && !leader.leader);
    const service = $("service");
    service.hidden = false;
    service.classList.toggle("wrong", wrong);
    if (wrong && !service.dataset.openedForTrouble) { service.open = true; service.dataset.openedForTrouble = "1"; }
    if (!wrong) delete service.dataset.openedForTrouble;
    const main = $("projects");
    main.textContent = "";
    for (const p of overview.projects || []) main.appendChild(showProject(p));
    if (!(overview.projects || []).length) main.appendChild(label("No project has been checked yet since the service started; the first check runs a few seconds after start."));
    const letters = (overview.projects || []).reduce((n, p) => n + (p.dead_letters || []).length, 0);
    $("replay").hidden = letters === 0;
    $("login").hidden = true;
    $("find").hidden = false;
    applySearch();
    await explainFocusShots();
  } catch (e) {
    say(e.message);
    $("login").hidden = false;
  }
}

// --- questions about shots -----------------------------------------------------------------------

function knownShot(idOrCode) {
  for (const p of (overview && overview.projects) || []) {
    const s = (p.shots || []).find((x) => x.id === idOrCode || x.code.toLowerCase() === String(idOrCode).toLowerCase())
      || (typeof idOrCode === "string" && (p.assets || []).find((x) => x.code.toLowerCase() === idOrCode.toLowerCase()));   // assets by code only
    if (s) return s;
  }
  return null;
}

function lookupSentence(s) {
  if (s.entity === "Asset") return assetSentence(s);
  const active = ((overview && overview.active_statuses) || []).includes(s.status);
  if (active) return s.code + " is active; the next check (at most a few minutes away) gives it a job if someone in artists.yaml is assigned.";
  return s.code + " has no job: its status is '" + (s.status || "none") + "', and only shots in " + ((overview && overview.active_statuses) || []).join(", ") + " get one.";
}

function assetSentence(a) {                             // an asset the page does not show: why it has no job
  const name = "Asset " + a.code + " (" + (a.asset_type || "no type") + ")";
  if (!overview || overview.assets_mode !== "per_asset") return name + " has no job of its own: assets are one job per project (assets: project in artists.yaml).";
  const active = (overview.active_asset_statuses || []).includes(a.status);
  return name + " has no job: " + (active ? "no one in artists.yaml is on its tasks" : "its status is '" + (a.status || "none") + "' (its builders get it only in "
    + (overview.active_asset_statuses || []).join(", ") + ")") + ", and no active shot with artists uses it.";
}

async function explainFocusShots() {                   // shots selected in ShotGrid that are not active: say why
  const unknown = focusShotIds.filter((id) => !knownShot(id) && !(id in lookedUp));
  if (unknown.length) {
    const found = await api("/admin/shot-lookup?ids=" + unknown.join(",")).catch(() => []);
    unknown.forEach((id) => { lookedUp[id] = found.find((s) => s.id === id) || null; });
  }
  const lines = focusShotIds.filter((id) => !knownShot(id)).map((id) => lookedUp[id] ? lookupSentence(lookedUp[id]) : "Shot " + id + " is not in ShotGrid (or is in its trash).");
  $("answer").textContent = lines.join(" ");
  $("answer").hidden = !lines.length;
}

async function lookUp() {
  const q = $("search").value.trim();
  if (!q) return;
  if (!(q in lookedUp)) lookedUp[q] = (await api("/admin/shot-lookup?code=" + encodeURIComponent(q)).catch(() => []))[0] || null;
  $("answer").textContent = lookedUp[q] ? lookupSentence(lookedUp[q]) : "No shot or asset coded " + q + " in ShotGrid.";
  $("answer").hidden = false;
}

function applySearch() {
  const q = $("search").value.trim().toLowerCase();
  let matches = 0;
  for (const r of document.querySelectorAll("[data-search]")) {
    const hit = q !== "" && r.dataset.search.includes(q);
    r.classList.toggle("hidden-by-search", q !== "" && !hit);
    r.classList.toggle("match", hit);
    if (hit) matches++;
  }
  const ask = $("ask");
  ask.hidden = !(q.length >= 3 && matches === 0 && !knownShot(q));
  if (!ask.hidden) ask.textContent = "Nothing here matches '" + $("search").value.trim() + "'. If it is a shot or an asset, ask ShotGrid why it has no job";
}

// --- actions -------------------------------------------------------------------------------------

async function syncNow(project, button) {
  const asked = new Date();
  button.disabled = true;
  button.textContent = "Syncing…";
  try {
    await api("/admin/sync?project=" + project, "POST");
    await until(() => ((overview.projects || []).find((p) => p.id === project) || {}).runs || [],
      (runs) => runs.length && Date.parse(runs[0].endedAt) >= asked.getTime());
    const last = ((overview.projects || []).find((p) => p.id === project) || { runs: [] }).runs[0];
    notice(last ? "Done: the check " + (OUTCOME_WORDS[last.outcome] || last.outcome) + "." : "The sync is queued; it shows here when it has run.");
  } catch (e) {
    say(e.message);
  } finally {
    button.disabled = false;
    button.textContent = "Sync this project now";
  }
}

async function until(read, done) {                      // refresh until the change shows (at most a minute)
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    await load();
    if (done(read())) return;
  }
}

async function checkSetUp() {                          // GET /admin/check: one line per check, failures with what to do
  const button = $("check");
  button.disabled = true;
  $("checks").textContent = "Checking...";
  try {
    const report = await api("/admin/check");
    const t = table(["Check", "Result", "What it found", "What to do"]);
    for (const c of report.checks) {
      const result = c.status === "passed" ? "ok" : c.status === "failed" ? (c.required ? "FAILED" : "warning") : c.status === "unknown" ? "could not tell" : "skipped";
      const r = row(t, [c.area + ": " + c.name, result, c.message, c.todo || ""]);
      if (c.status === "failed" && c.required) r.classList.add("state-error");
    }
    $("checks").replaceChildren(el("p", report.passed ? "Every required check passed." : "Some required checks did not pass: see below.",
      report.passed ? "muted" : "warning"), t);
  } catch (e) {
    $("checks").textContent = "The check could not run: " + e.message;
  } finally {
    button.disabled = false;
  }
}

async function replay() {
  try {
    const answer = await api("/admin/dead-letters/replay", "POST");
    notice("Replay queued: project(s) " + (answer.replaying || []).join(", ") + " are being checked again; failed changes that now work disappear from the list.");
    await until(() => overview.projects || [], (projects) => projects.every((p) => !(p.dead_letters || []).length));
  } catch (e) {
    say(e.message);
  }
}

$("login").addEventListener("submit", (e) => { e.preventDefault(); sessionStorage.setItem("srsyncToken", $("token").value); start(); });
$("search").addEventListener("input", applySearch);
$("find").addEventListener("submit", (e) => { e.preventDefault(); applySearch(); });
$("check").addEventListener("click", checkSetUp);
$("refresh").addEventListener("click", load);
$("replay").addEventListener("click", replay);
$("ask").addEventListener("click", lookUp);

function start() {
  load();
  if (timer) clearInterval(timer);
  timer = setInterval(() => { if (!document.hidden) load(); }, REFRESH_MS);
}
if (token()) start();
