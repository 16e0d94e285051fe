import ClayCLI

ClayGuardCLI.main()
