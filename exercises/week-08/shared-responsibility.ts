// Week 8 · The shared responsibility model: for each control, who owns it on EC2, RDS, Lambda and S3.
// Read "The shared responsibility model" in notebooks/week-08-cloud-practitioner.ipynb first.
// Grade it with `npm run grade shared-responsibility`; stuck? `npm run hint shared-responsibility`.
//
// The services and controls are in exercises/week-08/shared-responsibility-controls.ts. AWS owns security OF the
// cloud; you own security IN the cloud, and how much that is depends on how much of the stack the service manages.
import { todo } from "../../src/grader/todo";
import type { Control, Owner, Service } from "./shared-responsibility-controls";

/** Who owns `control` when you use `service`. Throws "service" or "control" for an unknown name. */
export function owner(service: Service, control: Control): Owner {
  return todo("shared-responsibility");
}

/** The controls the customer owns for a service, in the order CONTROLS lists them. Throws "service" as above. */
export function customerControls(service: Service): Control[] {
  return todo("shared-responsibility");
}
