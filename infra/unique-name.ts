import { Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { fail } from '../definition/validate.js';

/**
 * Fails when another construct of the same stack already deployed `name`
 * (two conformance packs, or two rules, of one name): AWS Config would
 * refuse the second only at deploy time. Tokens are not compared.
 *
 * @param nameOf the name a construct of the same kind deploys, or undefined for any other construct
 * @param label the prop that sets the name, as the user knows it
 * @throws InvalidSettingError naming both constructs and the name
 */
export function assertUniqueName(
  construct: IConstruct,
  name: string,
  nameOf: (other: IConstruct) => string | undefined,
  label: string,
): void {
  if (Token.isUnresolved(name)) return;
  const other = Stack.of(construct)
    .node.findAll()
    .find((candidate) => candidate !== construct && nameOf(candidate) === name);
  if (other === undefined) return;
  fail(
    label,
    name,
    `a name no other construct of the stack deploys; ${other.node.path} already deploys ${JSON.stringify(name)}: give one of them another name`,
  );
}
