"""Where the Python tests find the repository, the build and the corpora (ctest sets
SITREP_BUILD_DIR and SITREP_BINARY; by hand they default to build/)."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
BUILD = Path(os.environ.get("SITREP_BUILD_DIR", ROOT / "build"))
BINARY = os.environ.get("SITREP_BINARY", str(BUILD / "sitrep"))
SAMPLES = ROOT.parent / "shared" / "samples"
EXAMPLES = ROOT / "examples"
