"""The service module sits beside this folder (it is also installable: ``pip install -e
examples/service``)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
