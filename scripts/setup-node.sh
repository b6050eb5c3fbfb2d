#!/usr/bin/env bash
# Puts Node.js 22 (LTS) or newer first on PATH; source it: `source scripts/setup-node.sh`.
# When the machine's Node is older, installs the npm registry's node-linux-<arch> package
# (an official Node 22 build) under ~/.cache/cv-tailor-node, once, and puts its bin first.
CV_TAILOR_NODE_VERSION="${CV_TAILOR_NODE_VERSION:-22.23.5}"
cv_tailor_node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$cv_tailor_node_major" -lt 22 ]; then
  case "$(uname -m)" in
    x86_64) cv_tailor_node_arch=x64 ;;
    aarch64 | arm64) cv_tailor_node_arch=arm64 ;;
    *) echo "setup-node: no Node 22 package for $(uname -m); install Node 22 from https://nodejs.org" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  cv_tailor_node_prefix="${CV_TAILOR_NODE_PREFIX:-$HOME/.cache/cv-tailor-node}"
  cv_tailor_node_bin="$cv_tailor_node_prefix/node_modules/node-linux-$cv_tailor_node_arch/bin"
  if [ ! -x "$cv_tailor_node_bin/node" ]; then
    echo "setup-node: Node $(node -v 2>/dev/null || echo none) is older than 22; installing Node $CV_TAILOR_NODE_VERSION"
    npm install --prefix "$cv_tailor_node_prefix" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-$cv_tailor_node_arch@$CV_TAILOR_NODE_VERSION"
  fi
  export PATH="$cv_tailor_node_bin:$PATH"
fi
echo "setup-node: using Node $(node -v)"
