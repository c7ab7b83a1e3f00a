// The lake serves the demo page at /demo and the built widgets at /dist.
import {staticRoutes} from '../lake/server/static-route'

export const demoRoutes = () => [
  ...staticRoutes('/demo', 'demo'),
  ...staticRoutes('/dist', 'widgets/dist'),
]
