from variorum.cli import main

if __name__ == "__main__":  # the comparison's process imports the main module again: it must not start the app
    raise SystemExit(main())
