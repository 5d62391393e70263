"""python -m cantho_dash: the command line (cantho_dash.cli)."""
import sys

from cantho_dash.cli import main

if __name__ == "__main__":
    sys.exit(main())
