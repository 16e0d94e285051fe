import CNoTLS
import ClayCLI

_ = clay_guard_tls_loaders_replaced()
ClayGuardCLI.main()
