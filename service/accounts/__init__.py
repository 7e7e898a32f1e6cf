"""Local accounts, units and API keys: who may see which unit's drafts and batches."""

from service.accounts.repository import Accounts, ApiKey, User

__all__ = ["Accounts", "ApiKey", "User"]
