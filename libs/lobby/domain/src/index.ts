export * from './lib/product-catalog';
