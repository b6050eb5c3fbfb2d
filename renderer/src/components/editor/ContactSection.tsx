/**
 * Contact details: name, headline, email, phone, website, photo, the postal address, and the
 * profile links (network, username, URL), which can be added, moved and removed.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { newId, type CvBasics, type CvLocation, type CvProfile } from '../../../../shared/model/cv';
import { useWorkspace } from '../../state/store-context';
import { Field } from '../Field';
import { EditorSection } from './EditorSection';
import { PROFILE_LIST, useListEditing, type ListEditing } from './list-editing';
import { Reorderable } from './Reorderable';
import { useDragReorder, type DragController, type DropMarker } from './useDragReorder';

type BasicsText = 'name' | 'label' | 'email' | 'phone' | 'url' | 'image';

const BASICS_FIELDS: {
  key: BasicsText;
  label: string;
  type?: 'email' | 'tel' | 'url';
  placeholder?: string;
}[] = [
  { key: 'name', label: 'Full name' },
  { key: 'label', label: 'Headline', placeholder: 'e.g. Senior Data Analyst' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'tel' },
  { key: 'url', label: 'Website', type: 'url' },
  { key: 'image', label: 'Photo URL', type: 'url', placeholder: 'Link to a photo, if you use one' },
];

type LocationText = 'address' | 'postalCode' | 'city' | 'region' | 'countryCode';

const NO_PROFILES: CvProfile[] = [];

function profileName(profile: CvProfile, index: number): string {
  const network = profile.network?.trim();
  return network ? `${network} profile` : `Profile ${index + 1}`;
}

interface ProfileRowProps {
  profile: CvProfile;
  index: number;
  count: number;
  editing: ListEditing;
  drag: DragController;
  marker: DropMarker['side'] | undefined;
}

const ProfileRow = memo(function ProfileRow({
  profile,
  index,
  count,
  editing,
  drag,
  marker,
}: ProfileRowProps) {
  const path = `basics.profiles[${index}]`;
  return (
    <Reorderable
      label={profileName(profile, index)}
      index={index}
      count={count}
      editing={editing}
      drag={drag}
      marker={marker}
      className="profile-card"
    >
      <div className="grid profile-fields">
        <Field
          label="Network"
          value={profile.network}
          placeholder="LinkedIn"
          dataPath={`${path}.network`}
          onChange={(value) => editing.setText(index, 'network', value)}
        />
        <Field
          label="Username"
          value={profile.username}
          dataPath={`${path}.username`}
          onChange={(value) => editing.setText(index, 'username', value)}
        />
        <Field
          label="Profile URL"
          type="url"
          value={profile.url}
          dataPath={`${path}.url`}
          onChange={(value) => editing.setText(index, 'url', value)}
        />
      </div>
    </Reorderable>
  );
});

/** The profile links; memoised, so typing in the contact fields does not re-render them. */
const Profiles = memo(function Profiles() {
  const profiles = useWorkspace((state) => state.draft?.basics?.profiles) ?? NO_PROFILES;
  const editing = useListEditing(PROFILE_LIST);
  const { drag, marker } = useDragReorder(PROFILE_LIST.key, editing.move);
  return (
    <div className="profiles">
      <h3 className="subheading">Profiles</h3>
      <div className="entry-list compact">
        {profiles.map((profile, index) => (
          <ProfileRow
            key={profile.id ?? index}
            profile={profile}
            index={index}
            count={profiles.length}
            editing={editing}
            drag={drag}
            marker={marker?.index === index ? marker.side : undefined}
          />
        ))}
      </div>
      <button
        type="button"
        className="link"
        data-add-for={PROFILE_LIST.key}
        onClick={() => editing.add({ id: newId(), network: '', username: '', url: '' }, 'end')}
      >
        + Add profile link
      </button>
    </div>
  );
});

const NO_LOCATION: CvLocation = {};

/** The contact card at the top of the editor; typing in the summary (also in the basics) does not re-render it. */
export function ContactSection() {
  const basics: Pick<CvBasics, BasicsText> = useWorkspace(
    useShallow((state) => {
      const all = state.draft?.basics ?? {};
      return Object.fromEntries(BASICS_FIELDS.map((item) => [item.key, all[item.key]]));
    }),
  );
  const editDraft = useWorkspace((state) => state.editDraft);
  const setBasics = (field: BasicsText, value: string) =>
    editDraft((cv) => {
      cv.basics ??= {};
      cv.basics[field] = value;
    });
  const setLocation = (field: LocationText, value: string) =>
    editDraft((cv) => {
      cv.basics ??= {};
      cv.basics.location ??= {};
      cv.basics.location[field] = value;
    });
  const location: CvLocation = useWorkspace((state) => state.draft?.basics?.location) ?? NO_LOCATION;
  const locationField = (key: LocationText, label: string, placeholder?: string) => (
    <Field
      label={label}
      value={location[key]}
      placeholder={placeholder}
      dataPath={`basics.location.${key}`}
      onChange={(value) => setLocation(key, value)}
    />
  );
  return (
    <EditorSection id="contact" title="Contact details">
      <div className="grid two">
        {BASICS_FIELDS.map((item) => (
          <Field
            key={item.key}
            label={item.label}
            type={item.type}
            value={basics[item.key]}
            placeholder={item.placeholder}
            dataPath={`basics.${item.key}`}
            onChange={(value) => setBasics(item.key, value)}
          />
        ))}
      </div>
      <h3 className="subheading">Address</h3>
      <div className="grid two">
        {locationField('address', 'Street address')}
        <div className="grid address-city tight">
          {locationField('postalCode', 'Postal code')}
          {locationField('city', 'City')}
        </div>
        {locationField('region', 'Region', 'State, county or province')}
        {locationField('countryCode', 'Country code', 'e.g. DE, US')}
      </div>
      <Profiles />
    </EditorSection>
  );
}
