#!/usr/bin/env bash
# A JRE 17 base image for Jib built from Debian packages, for machines that reach a Debian mirror but no container
# registry. Writes a Docker archive (the `docker save` layout) that Jib takes as its base:
#
#   sudo deploy/base-image/debian-jre17.sh target/base/debian-jre17.tar
#   ./mvnw -B -pl bootstrap jib:buildTar -Djib.from.image=tar://$PWD/target/base/debian-jre17.tar
#
# Needs root (debootstrap and chroot) and debootstrap (apt-get install debootstrap). DEBIAN_SUITE (bookworm) and
# DEBIAN_MIRROR (http://deb.debian.org/debian) pick the packages. The image holds Debian's minimal base, CA
# certificates and openjdk-17-jre-headless; no shell is needed by Ordo, but Debian's base brings one.
set -euo pipefail

out=$(realpath -m "${1:-target/base/debian-jre17.tar}")
suite=${DEBIAN_SUITE:-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d)
rootfs=$work/rootfs
cleanup() {
    umount "$rootfs/proc" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

debootstrap --variant=minbase "$suite" "$rootfs" "$mirror"
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    ca-certificates openjdk-17-jre-headless
# the user Ordo runs as (uid 65532, pom.xml): PostgreSQL's initdb and server refuse a user without a passwd entry,
# so the embedded database (no ORDO_DATABASE_URL) needs it; an external PostgreSQL does not
chroot "$rootfs" useradd --system --uid 65532 --user-group --home-dir /tmp --no-create-home --shell /usr/sbin/nologin ordo
chroot "$rootfs" apt-get clean
umount "$rootfs/proc"
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/var/cache/debconf/*-old \
    "$rootfs"/var/log/*.log

java_home=$(dirname "$(dirname "$(chroot "$rootfs" readlink -f /usr/bin/java)")")
tar --numeric-owner --sort=name --mtime=@0 -C "$rootfs" -cf "$work/layer.tar" .
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/base-image/debian-jre17.sh ($suite)"}]}
JSON
config=$(sha256sum "$work/config.json" | cut -d' ' -f1).json
mv "$work/config.json" "$work/$config"
printf '[{"Config":"%s","RepoTags":["ordo-base/debian-jre17:%s"],"Layers":["layer.tar"]}]\n' "$config" "$suite" > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json "$config" layer.tar
echo "base image written: $out ($(du -h "$out" | cut -f1), JAVA_HOME=$java_home)"
