// From discovered label sets to the targets Prometheus would scrape (scrape/target.go PopulateLabels): the job's
// defaults are added (job, __scheme__, __metrics_path__, __scrape_interval__, __scrape_timeout__, __param_*), the
// relabel_configs run, a target without __address__ is dropped, the URL is scheme://address/path?params, instance
// defaults to the address, and every label starting with __ is removed before the series are stored.
import type { ScrapeJob } from "./config";
import { type PodLike, podTargets } from "./kubernetes-sd";
import { type Labels, relabel } from "./relabel";

export interface ScrapeTarget {
  /** What Prometheus GETs every scrape_interval. */
  url: string;
  /** The labels every series from this target gets (job, instance, and whatever relabeling kept). */
  labels: Labels;
  /** The label set discovery produced, before relabeling: Prometheus's "Service Discovery" page. */
  discovered: Labels;
}

export interface TargetsResult {
  targets: ScrapeTarget[];
  /** Discovered label sets that relabeling dropped, with the reason. */
  dropped: { discovered: Labels; reason: string }[];
}

/** Run one job's relabeling over discovered label sets, the way its scrape pool does. */
export function scrapeTargets(job: ScrapeJob, discovered: Labels[]): TargetsResult {
  const out: TargetsResult = { targets: [], dropped: [] };
  const seen = new Set<string>();
  for (const d of discovered) {
    const start: Labels = { ...d };
    const defaults: Labels = {
      job: job.job_name,
      __scheme__: job.scheme,
      __metrics_path__: job.metrics_path,
      __scrape_interval__: job.scrape_interval,
      __scrape_timeout__: job.scrape_timeout,
    };
    for (const [k, v] of Object.entries(job.params)) if (v.length > 0) defaults[`__param_${k}`] = v[0];
    for (const [k, v] of Object.entries(defaults)) if (start[k] === undefined) start[k] = v;
    const after = relabel(start, job.relabel_configs);
    if (!after) {
      out.dropped.push({ discovered: d, reason: "dropped by relabel_configs (a keep did not match, or a drop did)" });
      continue;
    }
    const address = after.__address__;
    if (!address) {
      out.dropped.push({ discovered: d, reason: "no __address__ left after relabeling" });
      continue;
    }
    if (address.includes("/")) {
      out.dropped.push({ discovered: d, reason: `__address__ "${address}" is not host:port` });
      continue;
    }
    const query = Object.entries(after)
      .filter(([k]) => k.startsWith("__param_"))
      .map(([k, v]) => `${encodeURIComponent(k.slice("__param_".length))}=${encodeURIComponent(v)}`)
      .join("&");
    const url = `${after.__scheme__ ?? job.scheme}://${address}${after.__metrics_path__ ?? ""}${query ? `?${query}` : ""}`;
    const labels: Labels = {};
    for (const [k, v] of Object.entries(after)) if (!k.startsWith("__")) labels[k] = v;
    if (!labels.instance) labels.instance = address;
    // Identical targets (same URL and labels) collapse into one, as in Prometheus's scrape pool.
    const key = JSON.stringify([url, Object.entries(labels).sort()]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.targets.push({ url, labels, discovered: d });
  }
  return out;
}

/** Kubernetes `role: pod` discovery over these pods (namespaces filter applied), then the job's relabeling. */
export function podScrapeTargets(job: ScrapeJob, pods: PodLike[]): TargetsResult {
  const discovered: Labels[] = [];
  for (const sd of job.kubernetes_sd_configs) {
    if (sd.role !== "pod") continue;
    const names = sd.namespaces?.names;
    for (const pod of pods) {
      const ns = pod.metadata.namespace ?? "default";
      if (names && names.length > 0 && !names.includes(ns)) continue;
      discovered.push(...podTargets(pod));
    }
  }
  return scrapeTargets(job, discovered);
}
