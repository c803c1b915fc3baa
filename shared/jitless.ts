import { z } from 'zod';

/**
 * Our pages run under a CSP without 'unsafe-eval'. Zod 4 compiles object parsers with
 * `new Function` when it can; jitless mode keeps it from even trying (the attempt would be a
 * CSP violation). Import this module first in every entry point that runs in a page.
 */
z.config({ jitless: true });
