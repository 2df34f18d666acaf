from casedesk.cli import main

raise SystemExit(main())
