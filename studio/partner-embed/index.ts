// The partner-embed feature: the "Embed code" view the structure puts beside a partner.
export {PartnerEmbedView} from './PartnerEmbed'
