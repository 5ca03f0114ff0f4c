"""``python -m volunteer_app``: same as the ``volunteer-app`` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
