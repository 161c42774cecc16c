#!/bin/sh
# Step 1 of action.yml: installs statusdoc from the action's own checkout (the tag or
# commit the workflow pins), unless INPUT_STATUSDOC names a binary already.
set -eu
if [ -n "${INPUT_STATUSDOC:-}" ]; then
    dirname "$INPUT_STATUSDOC" >> "$GITHUB_PATH"
    exit 0
fi
root="${RUNNER_TEMP:-/tmp}/statusdoc"
cargo install --quiet --locked --root "$root" --path "$ACTION_PATH/crates/statusdoc"
echo "$root/bin" >> "$GITHUB_PATH"
