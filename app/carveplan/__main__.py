"""Entry point for ``python -m carveplan``."""

from carveplan.main import main

raise SystemExit(main())
