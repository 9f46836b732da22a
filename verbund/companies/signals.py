"""Signals the companies app sends after profile writes (for apps that follow profiles, such as
the matching index). Receivers must not change profiles; they only take note."""

from django.dispatch import Signal

# After any write to one company's profile, inside the writing transaction:
# sender=Company, company=<Company>.
profile_changed = Signal()
# After a bulk import committed profiles into a network (row-by-row signals would be too many):
# sender=Network, network=<Network>.
profiles_imported = Signal()
