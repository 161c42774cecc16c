#!/bin/sh
# The `statusdoc` hook of .pre-commit-hooks.yaml: lints the files pre-commit passes.
#
# pre-commit runs this from its clone of the statusdoc repository at the pinned
# revision; statusdoc is built there once (cargo build --release, kept with the clone,
# so later runs start at once). STATUSDOC names a binary to use instead.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${STATUSDOC:-}" ]; then
    STATUSDOC="$here/target/release/statusdoc"
    if [ ! -x "$STATUSDOC" ]; then
        echo "statusdoc: building from $here (once)" >&2
        cargo build --quiet --release --locked --manifest-path "$here/Cargo.toml" \
            --package statusdoc >&2
    fi
fi
exec "$STATUSDOC" lint "$@"
