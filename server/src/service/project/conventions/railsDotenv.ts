import type { Convention } from './convention';

/**
 * Rails with the dotenv gem, "Customizing Rails": files loaded "depending on RAILS_ENV, with the
 * first file having the highest precedence, and .env having the lowest": `.env.[env].local`,
 * `.env.local` (N/A in test), `.env.[env]`, `.env`. The table lists development, test and
 * production; RAILS_ENV may name any other environment (staging), found from `.env.[env]` files.
 */
export const railsDotenv: Convention = {
  name: 'rails-dotenv',
  title: "Rails' dotenv",
  source: 'https://github.com/bkeepers/dotenv#customizing-rails',
  modes: ['development', 'test', 'production'],
  openModes: true,
  wins: 'first',
  files: (mode) => [`.env.${mode}.local`, ...(mode === 'test' ? [] : ['.env.local']), `.env.${mode}`, '.env'],
};
