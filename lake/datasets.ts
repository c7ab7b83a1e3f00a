// The datasets a lake serves. Each dataset is its own store (documents and transaction log) with
// its own perspective views; asset bytes are shared, since they are addressed by content.
import type {LakeStore} from './store'
import {PerspectiveViews} from './perspectives'

export interface Dataset {
  name: string
  store: LakeStore
  views: PerspectiveViews
}

export class DatasetRegistry {
  private readonly byName = new Map<string, Dataset>()

  constructor(readonly defaultName: string) {}

  add(name: string, store: LakeStore): Dataset {
    const dataset = {name, store, views: new PerspectiveViews(store)}
    this.byName.set(name, dataset)
    return dataset
  }

  get(name: string): Dataset | undefined {
    return this.byName.get(name)
  }

  list(): Dataset[] {
    return [...this.byName.values()]
  }

  /** The dataset named by `--dataset` / SANITY_DATASET (the Studio's and widgets' default). */
  get default(): Dataset {
    const dataset = this.byName.get(this.defaultName)
    if (!dataset) throw new Error(`The default dataset "${this.defaultName}" is not open`)
    return dataset
  }

  close(): void {
    for (const dataset of this.byName.values()) dataset.store.close()
    this.byName.clear()
  }
}
