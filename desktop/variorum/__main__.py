from variorum.cli import main

raise SystemExit(main())
