import { createRequire } from 'node:module';
import type * as PromClient from 'prom-client';
import type { Registry as RegistryType } from 'prom-client';

/**
 * The parts of prom-client the bot uses, each from its own file: the package's index loads every part at once
 * (the push gateway, cluster aggregation, and @opentelemetry/api for exemplars), ~50 ms of every start where these
 * take ~6. The classes are the index's very classes (one module cache), so types and registries mix freely.
 */
const require = createRequire(import.meta.url);

export const Registry = require('prom-client/lib/registry') as typeof PromClient.Registry;
export const Counter = require('prom-client/lib/counter') as typeof PromClient.Counter;
export const Gauge = require('prom-client/lib/gauge') as typeof PromClient.Gauge;
export const Histogram = require('prom-client/lib/histogram') as typeof PromClient.Histogram;
export const prometheusContentType: PromClient.PrometheusContentType = Registry.PROMETHEUS_CONTENT_TYPE;

/** Merges the registries of several processes (the sharding manager's /metrics). */
export function aggregateMetrics(registries: PromClient.MetricObjectWithValues<PromClient.MetricValue<string>>[][]): RegistryType {
  const AggregatorRegistry = require('prom-client/lib/cluster') as typeof PromClient.AggregatorRegistry;
  return AggregatorRegistry.aggregate(registries);
}

/**
 * Node's process metrics (CPU, memory, event loop lag) in `registry`. Their module is the one that loads
 * @opentelemetry/api (~40 ms), so the bot asks for them once it is ready rather than before.
 */
export function collectProcessMetrics(registry: RegistryType): void {
  const collectDefaultMetrics = require('prom-client/lib/defaultMetrics') as typeof PromClient.collectDefaultMetrics;
  collectDefaultMetrics({ register: registry });
}
