#!/bin/sh
# Run the benchmark (see bench/bench.py): python3 bench/bench.py [--quick]
exec python3 "$(dirname "$0")/bench.py" "$@"
