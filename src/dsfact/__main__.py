from dsfact.cli import main

raise SystemExit(main())
