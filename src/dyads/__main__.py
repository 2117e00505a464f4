from dyads.cli import main

main()
