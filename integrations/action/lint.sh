#!/bin/sh
# Step 2 of action.yml: lints INPUT_PATHS, writes the SARIF log for code scanning
# (INPUT_SARIF_FILE), prints the findings as workflow annotations, and records the exit
# status (0 clean, 1 failing findings, 2 could not run) as the `exit-code` output; the
# action's last step fails the job on it.
set -u
paths=${INPUT_PATHS:-.}
sarif=${INPUT_SARIF_FILE:-statusdoc.sarif}
args=${INPUT_ARGS:-}
# Word splitting is intended: several paths, several arguments.
# shellcheck disable=SC2086
statusdoc lint $paths $args --quiet --format github
# shellcheck disable=SC2086
statusdoc lint $paths $args --quiet --format sarif --output-file "$sarif"
status=$?
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
if [ "$status" -ge 2 ]; then
    echo "::error title=statusdoc::statusdoc could not lint $paths (exit status $status)"
fi
exit 0
