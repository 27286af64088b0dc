"""Identity: users, partner clients, refresh tokens, signing keys and the token endpoint."""
