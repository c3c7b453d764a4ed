"""``python -m briefbook.bench.stages PHASE SPEC``: one benchmark phase in a fresh process.

The benchmark runs each phase in its own interpreter so that imports, caches and peak memory
are measured from a cold start; the phase prints its figures as JSON on stdout.
"""

import json
import sys

from briefbook.bench.stages import PHASES

if __name__ == "__main__":
    sys.stdout.write(json.dumps(PHASES[sys.argv[1]](json.loads(sys.argv[2]))) + "\n")
