"""Signed webhooks (Standard Webhooks): subscriptions, durable deliveries from the feeds, retries, a log."""
