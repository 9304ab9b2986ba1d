import { createRequire } from 'node:module';
import type * as Builders from '@discordjs/builders';

/**
 * @discordjs/builders, the very copy discord.js uses. discord.js loads its CommonJS build; an ES `import` of the
 * package would load its ES module build beside it, a second copy that costs ~40 ms at every start.
 */
const builders = createRequire(import.meta.url)('@discordjs/builders') as typeof Builders;

export const { SlashCommandBuilder } = builders;
