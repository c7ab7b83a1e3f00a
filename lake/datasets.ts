// The datasets a lake serves. Each dataset is its own store (documents and transaction log) with
// its own perspective views; asset bytes are shared, since they are addressed by content.
import type {LakeStore} from './store'
import {PerspectiveViews} from './perspectives'

export interface Dataset {
  name: string
  store: LakeStore
  views: PerspectiveViews
}

/** Told of every dataset opened and closed, e.g. the query pool, whose workers hold copies. */
export interface DatasetObserver {
  addDataset(name: string, store: LakeStore): void
  removeDataset(name: string): void
}

export class DatasetRegistry {
  private readonly byName = new Map<string, Dataset>()

  constructor(
    readonly defaultName: string,
    private readonly observer?: DatasetObserver,
  ) {}

  add(name: string, store: LakeStore): Dataset {
    const dataset = {name, store, views: new PerspectiveViews(store)}
    this.byName.set(name, dataset)
    this.observer?.addDataset(name, store)
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
    for (const dataset of this.byName.values()) {
      this.observer?.removeDataset(dataset.name)
      dataset.store.close()
    }
    this.byName.clear()
  }
}
