#!/usr/bin/env bash
# Builds the real Dockerfile with podman and runs the image against stub ShotGrid and Resilio
# endpoints (the sandbox's simulators, started on this host), waits for it to become healthy,
# checks that it runs as non-root and that it reconciled, then removes what it made.
# Machines here have no Docker engine and no access to public image registries: the base images
# the Dockerfile names are stand-ins built here from Debian packages with debootstrap, from the
# Debian archive this machine's apt uses (scripts/apt-mirror.sh).
# The stand-ins belong to this script, never to the Dockerfile.
#   KEEP_STANDINS=1 keeps the stand-in base images for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=localhost/shotgrid-resilio-sync:check
CONTAINER=srsync-container-check
JRE_TAG=docker.io/library/eclipse-temurin:17-jre
BUILDER_TAG=docker.io/library/maven:3.9-eclipse-temurin-17
RUN_FLAGS=(--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=4096:4096)
PORT=18183 SG_PORT=18181 CONSOLE_PORT=18182 SANDBOX_PORT=18180
WORK=$(mktemp -d)
STUB_PID=""
MADE_STANDINS=()

step() { printf '\n==> %s\n' "$*"; }
fail() {
  printf '\nCONTAINER CHECK FAILED: %s\n' "$*" >&2
  podman logs "$CONTAINER" 2>/dev/null | tail -40 >&2 || true
  exit 1
}
cleanup() {
  step "cleaning up"
  podman rm -f "$CONTAINER" >/dev/null 2>&1 || true
  podman rmi -f "$IMAGE" >/dev/null 2>&1 || true
  if [ -z "${KEEP_STANDINS:-}" ]; then
    for tag in "${MADE_STANDINS[@]}"; do podman rmi -f "$tag" >/dev/null 2>&1 || true; done
  fi
  [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

step "podman, runc and debootstrap"
if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
fi
podman --version
# crun fails here ("cgroups in hybrid mode not supported") and default ulimits are refused
mkdir -p /etc/containers
[ -f /etc/containers/containers.conf ] || printf '[containers]\ndefault_ulimits = []\n' > /etc/containers/containers.conf

# debootstrap fetches from the archive this machine's apt already uses; the repository names no host
mirror=$(scripts/apt-mirror.sh) || fail "no Debian mirror for debootstrap (see above)"
echo "Debian archive: $mirror"
standin() {   # standin TAG PACKAGES
  local tag=$1 packages=$2 root="$WORK/rootfs-$RANDOM"
  if podman image exists "$tag"; then echo "$tag: present"; return; fi
  echo "$tag: debootstrap bookworm with $packages"
  debootstrap --variant=minbase --include="$packages" bookworm "$root" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log"; fail "debootstrap for $tag"; }
  # trust what this machine trusts, in the system store and in Java's (keytool needs /proc)
  mount -t proc proc "$root/proc"
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    chroot "$root" update-ca-certificates >/dev/null 2>&1 || true
    for crt in /usr/local/share/ca-certificates/*.crt; do
      chroot "$root" keytool -importcert -noprompt -cacerts -storepass changeit -alias "extra-$(basename "$crt" .crt)" \
        -file "/usr/local/share/ca-certificates/$(basename "$crt")" >/dev/null 2>&1 || true
    done
  fi
  umount "$root/proc"
  tar -C "$root" -c . | podman import - "$tag" >/dev/null
  rm -rf "$root"
  MADE_STANDINS+=("$tag")
}
step "stand-in base images"
standin "$JRE_TAG" openjdk-17-jre-headless,ca-certificates,passwd
standin "$BUILDER_TAG" openjdk-17-jdk-headless,maven,ca-certificates

step "building the Dockerfile"
# docker format: the OCI format has no HEALTHCHECK
podman build "${RUN_FLAGS[@]}" --format docker --network host -t "$IMAGE" . || fail "podman build"

step "stub ShotGrid and Resilio endpoints (the sandbox simulators) on this host"
[ -f target/shotgrid-resilio-sync.jar ] || mvn -B -q -DskipTests package
SANDBOX=true HTTP_PORT=$SANDBOX_PORT SANDBOX_SHOTGRID_PORT=$SG_PORT SANDBOX_RESILIO_PORT=$CONSOLE_PORT DATA_DIR="$WORK/stub-data" \
  java -jar target/shotgrid-resilio-sync.jar >"$WORK/stubs.log" 2>&1 &
STUB_PID=$!
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$CONSOLE_PORT/" 2>/dev/null && break; sleep 1; done
curl -fsS -o /dev/null "http://127.0.0.1:$CONSOLE_PORT/" || { cat "$WORK/stubs.log"; fail "the stub endpoints did not start"; }

step "running the image"
podman run -d --name "$CONTAINER" "${RUN_FLAGS[@]}" --network host \
  -e SHOTGRID_URL="http://127.0.0.1:$SG_PORT" -e SHOTGRID_SCRIPT_NAME=check -e SHOTGRID_API_KEY=check-key \
  -e SECRET_TOKEN=container-check-webhook-secret -e RESILIO_URL="http://127.0.0.1:$CONSOLE_PORT" -e RESILIO_TOKEN=sandbox-resilio-token \
  -e HTTP_PORT=$PORT -e SAFETY_NET_INITIAL_DELAY_MS=1000 "$IMAGE" >/dev/null || fail "podman run"

step "waiting for the image's HEALTHCHECK and /observe/health"
healthy=""
for _ in $(seq 1 60); do
  if podman healthcheck run "$CONTAINER" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$PORT/observe/health" >"$WORK/health.json" 2>/dev/null; then
    healthy=yes; break
  fi
  podman container exists "$CONTAINER" && [ "$(podman inspect -f '{{.State.Running}}' "$CONTAINER")" = true ] || fail "the container stopped"
  sleep 1
done
if [ -z "$healthy" ]; then
  echo "podman healthcheck run: $(podman healthcheck run "$CONTAINER" 2>&1; echo "exit $?")"
  echo "/observe/health: $(curl -sS "http://127.0.0.1:$PORT/observe/health" 2>&1 | head -c 600)"
  fail "not healthy within 60 s"
fi
echo "healthy: $(cat "$WORK/health.json" | head -c 200)"

step "runs as a non-root user"
uid=$(podman exec "$CONTAINER" id -u)
[ "$uid" != 0 ] || fail "the service runs as root"
echo "uid $uid"

step "the class-data archive made at build time is used"
# without settings (env -i) the service stops at once with a configuration error; the classes it loaded say where they came from
podman exec -w /app "$CONTAINER" sh -c 'exec env -i PATH="$PATH" java -Xshare:auto -XX:SharedArchiveFile=/app/srsync.jsa \
  -Xlog:class+load=info -jar /app/shotgrid-resilio-sync.jar' >"$WORK/cds.log" 2>&1 || true
grep -q "com.srsync.Application source: shared objects file" "$WORK/cds.log" \
  || { grep -m3 "com.srsync\|cds\|error" "$WORK/cds.log"; fail "the image's java does not map /app/srsync.jsa"; }
echo "com.srsync classes come from /app/srsync.jsa"

step "reconciled against the stubs"
for _ in $(seq 1 30); do podman logs "$CONTAINER" 2>&1 | grep -q "Sync complete - project 155 (TST)" && break; sleep 1; done
podman logs "$CONTAINER" 2>&1 | grep "Sync complete - project 155 (TST)" | head -1 || fail "no reconcile of the stub project"

step "container check passed"
