#!/usr/bin/env bash
# The image's base built from Debian's packages alone, for a build host that reaches a Debian mirror but no container
# registry: Debian trixie (debootstrap minbase) with OpenJDK 21's headless JRE, written as a docker-archive tarball,
# the format of `docker save`, which Jib takes as its base image:
#   sudo app/image/debian-base.sh /var/tmp/shotplan-base.tar [MIRROR]       # MIRROR: default deb.debian.org
#   mvn -pl app -am -DskipTests package jib:buildTar -Djib.from.image=tar:///var/tmp/shotplan-base.tar
# (outside target/, which 'mvn clean' empties). Needs root (debootstrap, chroot), debootstrap and sha256sum; no
# container tools. One layer of about 340 MB.
set -euo pipefail

if [ $# -lt 1 ]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
OUT=$(realpath -m "$1")
MIRROR=${2:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
SUITE=trixie
ARCH=$(dpkg --print-architecture)   # Debian's and the image config's names agree for amd64 and arm64

WORK=$(mktemp -d)
ROOT=$WORK/rootfs
cleanup() {
  mountpoint -q "$ROOT/proc" && umount "$ROOT/proc"
  rm -rf "$WORK"
}
trap cleanup EXIT

debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR"
cat >"$ROOT/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
mount -t proc proc "$ROOT/proc"   # the JRE's and ca-certificates-java's install scripts run java
chroot "$ROOT" apt-get update
chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  openjdk-21-jre-headless ca-certificates
chroot "$ROOT" apt-get clean
JAVA_VERSION=$(chroot "$ROOT" java -version 2>&1 | head -n1)
umount "$ROOT/proc"
rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/log/* "$ROOT"/var/cache/debconf/*-old "$ROOT"/tmp/*
JAVA_HOME=$(dirname "$(dirname "$(chroot "$ROOT" readlink -f /usr/bin/java)")")

# The container runtime provides /dev, /proc and /sys; debootstrap's device nodes stay out of the layer.
ARCHIVE=$WORK/archive
mkdir "$ARCHIVE"
tar --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -C "$ROOT" -cf "$ARCHIVE/layer.tar" .
DIFF_ID=sha256:$(sha256sum "$ARCHIVE/layer.tar" | cut -d' ' -f1)
CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cat >"$ARCHIVE/config.json" <<EOF
{"architecture":"$ARCH","os":"linux","created":"$CREATED",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$JAVA_HOME","LANG=C.UTF-8"],
           "Cmd":["java","-version"]},
 "rootfs":{"type":"layers","diff_ids":["$DIFF_ID"]},
 "history":[{"created":"$CREATED","created_by":"app/image/debian-base.sh: debootstrap $SUITE, openjdk-21-jre-headless"}]}
EOF
CONFIG=$(sha256sum "$ARCHIVE/config.json" | cut -d' ' -f1).json
mv "$ARCHIVE/config.json" "$ARCHIVE/$CONFIG"
printf '[{"Config":"%s","RepoTags":["shotplan-base:debian-%s-jre21"],"Layers":["layer.tar"]}]\n' \
  "$CONFIG" "$SUITE" >"$ARCHIVE/manifest.json"
mkdir -p "$(dirname "$OUT")"
tar -C "$ARCHIVE" -cf "$OUT" manifest.json "$CONFIG" layer.tar
echo "$OUT: $(du -h "$OUT" | cut -f1), $JAVA_VERSION" >&2
