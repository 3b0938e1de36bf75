"""Django-level helpers that every domain app shares and that import no domain app: form
validators, PDF rendering with its locked-down fetcher, the API's shared schemas, the answer to
a refusal, and private downloads. (Framework-free helpers live in netra.lib.)"""
