// How the workspace's TypeScript is compiled outside tsc: by Jest, and by child processes that
// tests start from source (the relay crash test). Decorator metadata is what Nest's DI reads.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
