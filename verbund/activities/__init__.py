"""What partners do together: joint activities, the shared cost ledger, shared contact lists."""
