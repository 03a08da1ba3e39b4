# Multi-stage build: compile TypeScript once, ship only production dependencies and the compiled code.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The web app (Vite's build), served by the API at / (apps/api/src/web/web-app.ts).
COPY --from=build --chown=node:node /app/apps/web/dist ./apps/web/dist
COPY --chown=node:node package.json ./
COPY --chown=node:node data ./data
# The node user owns var/: the import files volume is created from var/imports, and the demo keeps
# its users' passwords in var/demo-users.json.
RUN mkdir -p /app/var/imports && chown -R node:node /app/var
USER node
EXPOSE 3000
# The compose file picks the process: api (default), worker, or the one-off migrate/demo-data commands.
CMD ["node", "dist/apps/api/src/main.js"]
