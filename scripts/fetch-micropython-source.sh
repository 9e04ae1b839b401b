#!/usr/bin/env bash
# Fetch the MicroPython source that `cargo xtask build-artifact` builds when
# no other source is given: Debian's `micropython` 1.25.0+ds source package
# (from trixie), downloaded with apt into third_party/debian/.
#
#   bash scripts/fetch-micropython-source.sh     # prints the tarball's path
#
# Idempotent: when the tarball is already there with the pinned sha256,
# nothing is downloaded. The Debian mirror is the one this machine's apt
# already uses (the first `URIs:` of /etc/apt/sources.list.d/debian.sources,
# else the first `deb` line of /etc/apt/sources.list); set
# MPWASM_DEBIAN_MIRROR to override. apt runs with its own sources list,
# package lists and cache under third_party/debian/apt/, so the system's apt
# configuration and package lists are left untouched.
set -euo pipefail

readonly SUITE=trixie
readonly PACKAGE=micropython
readonly TARBALL_NAME=micropython_1.25.0+ds.orig.tar.xz
readonly TARBALL_SHA256=7b25be99a502f070b2de81dafc08da7051d992325d6e67daa9045a918fffdbea
readonly KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$repo_root/third_party/debian"
tarball="$dest/$TARBALL_NAME"

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

verify() {
    [[ "$(sha256sum "$1" | cut -d' ' -f1)" == "$TARBALL_SHA256" ]]
}

if [[ -f "$tarball" ]]; then
    if verify "$tarball"; then
        log "already fetched: $tarball"
        printf '%s\n' "$tarball"
        exit 0
    fi
    log "$tarball has the wrong sha256; fetching it again"
    rm -f "$tarball"
fi

command -v apt-get >/dev/null || die "apt-get not found: this script needs a Debian-based system \
(or pass --source-tarball/--source-dir to cargo xtask build-artifact)"
[[ -r "$KEYRING" ]] || die "$KEYRING is missing (apt-get install debian-archive-keyring)"

mirror="${MPWASM_DEBIAN_MIRROR:-}"
if [[ -z "$mirror" && -r /etc/apt/sources.list.d/debian.sources ]]; then
    mirror="$(awk 'tolower($1) == "uris:" { print $2; exit }' /etc/apt/sources.list.d/debian.sources)"
fi
if [[ -z "$mirror" && -r /etc/apt/sources.list ]]; then
    mirror="$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)"
fi
[[ -n "$mirror" ]] || die "no Debian mirror found in /etc/apt/sources.list.d/debian.sources or \
/etc/apt/sources.list; set MPWASM_DEBIAN_MIRROR"

apt_dir="$dest/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
cat >"$apt_dir/mpwasm-$SUITE-src.sources" <<SOURCES
Types: deb-src
URIs: $mirror
Suites: $SUITE
Components: main
Signed-By: $KEYRING
SOURCES

apt_opts=(
    -o "Dir::Etc::sourcelist=$apt_dir/mpwasm-$SUITE-src.sources"
    -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::Cache=$apt_dir/cache"
    -o "APT::Get::List-Cleanup=0"
)
if [[ "$(id -u)" == 0 ]]; then
    # The download dir is private to this repository; no need for apt's
    # unprivileged sandbox user (which may not be able to reach it).
    apt_opts+=(-o "APT::Sandbox::User=root")
fi

log "==> apt-get update ($SUITE deb-src from $mirror, private lists in $apt_dir)"
apt-get "${apt_opts[@]}" update >&2 || die "apt-get update failed"

log "==> apt-get source --download-only $PACKAGE/$SUITE"
(cd "$dest" && apt-get "${apt_opts[@]}" source --download-only "$PACKAGE/$SUITE") >&2 ||
    die "apt-get source failed"

[[ -f "$tarball" ]] || die "apt-get source did not download $TARBALL_NAME (has $SUITE moved to another upstream version?)"
verify "$tarball" || die "$tarball does not have the pinned sha256 $TARBALL_SHA256"
log "fetched and verified: $tarball"
printf '%s\n' "$tarball"
