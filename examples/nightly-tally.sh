#!/usr/bin/env bash
# Re-tally every open review round under $REVIEWS each night and act on pcv's exit code.
#   0  results (re)written          -> publish / notify
#   1  a sheet, roster or rubric has problems (listed on stderr) -> tell the organiser
#   2  pcv could not run (missing folder, unwritable output, bad option) -> tell the admin
# pcv never prompts, prints no progress bar when not on a terminal, and writes its reports
# whole or not at all, so a run that fails leaves yesterday's reports in place.
set -u
REVIEWS=${REVIEWS:-/srv/reviews}
PCV=${PCV:-pcv}
status=0
for dir in "$REVIEWS"/*/; do
  [ -f "$dir/rubric.yaml" ] || continue
  name=$(basename "$dir")
  log="${dir%/}/pcv-out.log"
  # PCV may be a command with arguments ("node /opt/pcv/bin/pcv.js"): split on purpose.
  # shellcheck disable=SC2086
  $PCV tally "$dir" --out "$dir/pcv-out" --quiet --no-color 2>"$log"
  code=$?
  case $code in
    0) echo "$name: results updated" ;;
    1) echo "$name: the sheets have problems, see $log"; status=1 ;;
    *) echo "$name: pcv could not run (exit $code), see $log"; status=2 ;;
  esac
done
exit $status
