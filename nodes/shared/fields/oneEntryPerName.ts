import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/*
 * Operation files list their fields; a field several operations use would then be one entry per
 * operation, and RoutingNode evaluates every entry of a name (hidden ones too) twice per item.
 * This merges entries of one name that n8n would show alike into one entry shown for all their
 * operations, keeping each operation's order of fields.
 *
 * Two entries merge when they are the same apart from `displayOptions.show.resource/operation`,
 * and the merged `show` (every resource × every operation) names no real operation that did not
 * list the field. Entries that differ in what n8n shows (a field one operation makes optional)
 * stay apart.
 */

type Show = NonNullable<IDisplayOptions['show']>;

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
	const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
	if (keysA.length !== keysB.length) return false;
	return keysA.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const showOf = (property: INodeProperties): Show => property.displayOptions?.show ?? {};
const listOf = (show: Show, key: string) => (show[key] ?? []) as string[];

/** The property without the operations it is shown for. */
function shape(property: INodeProperties): unknown {
	const { resource, operation, ...otherShow } = showOf(property);
	return { ...property, displayOptions: { ...property.displayOptions, show: otherShow } };
}

/** `resource.operation` of every operation the node offers. */
function realOperations(properties: INodeProperties[]): Set<string> {
	const operations = new Set<string>();
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of listOf(showOf(property), 'resource')) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) operations.add(`${resource}.${String(option.value)}`);
		}
	}
	return operations;
}

function operationsOf(property: INodeProperties, real: Set<string>): string[] {
	const show = showOf(property);
	const resources = listOf(show, 'resource');
	const ops = listOf(show, 'operation');
	return [...real].filter((pair) => {
		const [resource, operation] = pair.split('.');
		return (!resources.length || resources.includes(resource)) && (!ops.length || ops.includes(operation));
	});
}

interface Group {
	property: INodeProperties;
	operations: Set<string>;
	/** Position of the first entry, for a stable order. */
	first: number;
}

/** Every operation that lists an entry like `property` (same name, same shape). */
function listingOperations(property: INodeProperties, all: INodeProperties[], real: Set<string>): Set<string> {
	const alike = all.filter((other) => other.name === property.name && sameValue(shape(other), shape(property)));
	return new Set(alike.flatMap((other) => operationsOf(other, real)));
}

function merged(group: Group, property: INodeProperties, all: INodeProperties[], real: Set<string>): INodeProperties | undefined {
	if (group.property.name !== property.name || !sameValue(shape(group.property), shape(property))) return undefined;
	const union = (key: string) => [...new Set([...listOf(showOf(group.property), key), ...listOf(showOf(property), key)])];
	const candidate: INodeProperties = {
		...group.property,
		displayOptions: {
			...group.property.displayOptions,
			show: { ...showOf(group.property), resource: union('resource'), operation: union('operation') },
		},
	};
	const wanted = listingOperations(property, all, real);
	const covered = operationsOf(candidate, real);
	return covered.every((pair) => wanted.has(pair)) ? candidate : undefined;
}

export function oneEntryPerName(properties: INodeProperties[]): INodeProperties[] {
	const real = realOperations(properties);
	const groups: Group[] = [];
	/** For each operation, the groups of its entries in the order they came. */
	const sequences = new Map<string, Group[]>();
	properties.forEach((property, index) => {
		let group: Group | undefined;
		if (property.type !== 'notice' && property.name !== 'operation') {
			for (const candidate of groups) {
				const property2 = merged(candidate, property, properties, real);
				if (property2) {
					candidate.property = property2;
					group = candidate;
					break;
				}
			}
		}
		if (!group) {
			group = { property, operations: new Set(), first: index };
			groups.push(group);
		}
		for (const pair of operationsOf(property, real)) {
			group.operations.add(pair);
			const sequence = sequences.get(pair) ?? [];
			sequence.push(group);
			sequences.set(pair, sequence);
		}
	});
	return inEveryOperationsOrder(groups, sequences).map((group) => group.property);
}

/** Orders the groups so each operation still shows its fields in the order it listed them. */
function inEveryOperationsOrder(groups: Group[], sequences: Map<string, Group[]>): Group[] {
	const after = new Map<Group, Set<Group>>(groups.map((g) => [g, new Set()]));
	for (const sequence of sequences.values()) {
		for (let i = 1; i < sequence.length; i++) {
			if (sequence[i] !== sequence[i - 1]) after.get(sequence[i])!.add(sequence[i - 1]);
		}
	}
	const placed = new Set<Group>();
	const order: Group[] = [];
	while (order.length < groups.length) {
		const next = groups.find((g) => !placed.has(g) && [...after.get(g)!].every((before) => placed.has(before)));
		if (!next) {
			const stuck = groups.filter((g) => !placed.has(g)).map((g) => g.property.name);
			throw new Error(`Operations list the fields ${stuck.join(', ')} in orders that contradict each other`);
		}
		placed.add(next);
		order.push(next);
	}
	return order;
}
