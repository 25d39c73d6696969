// "drizzle-kit" as a drizzle.config sees it when writerflow reads the config: defineConfig returns its
// argument, as drizzle-kit's does.
export function defineConfig(config) {
  return config;
}

export default { defineConfig };
