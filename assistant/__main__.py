"""`python -m assistant`: the door to the command line, which sits on top of every package."""

import sys

from cli import main

sys.exit(main())
