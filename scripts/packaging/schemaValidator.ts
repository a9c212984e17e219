/**
 * Runs the official manifest JSON schema exactly as `AppManifestUtils.validateAgainstSchema` in
 * `@microsoft/app-manifest` does: its own ajv-draft-04 (ajv 8) with `allErrors`, `strictTypes: false`
 * and the uri/email/regex formats, on a JSON round-tripped copy, errors formatted the same way.
 *
 * Why not call that function directly: importing the package loads strip-bom 5, an ES module, which
 * Jest's CommonJS runtime cannot require (Node 20). Resolving ajv from the package's own location
 * keeps the same validator versions it would use, without depending on them ourselves.
 */
import { createRequire } from 'node:module';

interface AjvError {
  instancePath: string;
  message?: string;
  params?: unknown;
}
type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvInstance {
  compile(schema: object): ValidateFn;
}
type AjvConstructor = new (options: { allErrors: boolean; strictTypes: boolean }) => AjvInstance;

const packageRequire = createRequire(require.resolve('@microsoft/app-manifest/build/generated-types/index.js'));
const compiled = new WeakMap<object, ValidateFn>();

function compile(schema: object): ValidateFn {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const draft04 = packageRequire('ajv-draft-04') as { default: AjvConstructor };
  const addFormats = packageRequire('ajv-formats') as { default: (ajv: AjvInstance, formats: string[]) => void };
  const ajv = new draft04.default({ allErrors: true, strictTypes: false });
  addFormats.default(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/**
 * @param schema a draft-04 Teams manifest schema (see loadBundledSchema)
 * @returns one message per schema error ("<json path> <message>. Details: <params>"), empty when valid
 */
export function validateAgainstSchema(manifest: unknown, schema: object): string[] {
  const validate = compile(schema);
  if (validate(JSON.parse(JSON.stringify(manifest)))) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath} ${error.message ?? ''}. Details: ${error.params ? JSON.stringify(error.params) : ''}`,
  );
}
