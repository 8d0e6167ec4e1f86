# voxpact-mcp with PostgreSQL support (libpq built against Debian's libpq-dev): used by compose.yaml.
FROM node:20-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
# npm ci builds (the prepare script) and builds libpq, the optional dependency the PostgreSQL store needs.
RUN npm ci --no-audit --no-fund && node -e 'require("libpq")'
ENTRYPOINT ["node", "dist/src/cli.js"]
