from artlint.cli import main

raise SystemExit(main())
