"""Demo mode: the services started beside a demo home (`services`) and the synthetic survey generator."""
